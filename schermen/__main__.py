"""`python -m schermen` werkt als het commando `vergadering`."""

import sys

from .voorkant import main

sys.exit(main())
