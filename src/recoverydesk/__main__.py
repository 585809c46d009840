"""``python -m recoverydesk``: the same program as the ``recoverydesk`` command."""

import sys

from recoverydesk.cli import main

sys.exit(main())
