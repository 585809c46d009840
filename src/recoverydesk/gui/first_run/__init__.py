"""First run: the chooser (set up my business / open the demo) and the set-up wizard."""
