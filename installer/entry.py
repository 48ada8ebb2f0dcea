"""The standalone build's entry point: the same command line as the installed `crt-desktop`."""

import sys

from crt_desktop.__main__ import main

sys.exit(main())
