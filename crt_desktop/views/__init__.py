"""Windows and screens: session picker, console, room view, dialogs."""
