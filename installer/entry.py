"""The standalone build's entry point: the same command line as the installed `crt-desktop`."""

import sys

from crt_desktop.__main__ import main

# Finder on older macOS adds a process serial number argument that is not the user's.
arguments = [arg for arg in sys.argv[1:] if not arg.startswith("-psn_")]
sys.exit(main(arguments))
