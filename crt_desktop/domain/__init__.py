"""Pure domain: sessions, boards, notes, leadership responses and the operations that change them.

Imports only the standard library (enforced by import-linter).
"""
