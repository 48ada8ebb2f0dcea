"""The organisation view: every team's leadership items, drivers that recur across teams, and
where each team stands. Pure Python over plain records; storage fills them, Qt and the exports
show them."""
