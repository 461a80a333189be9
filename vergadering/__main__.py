"""`python -m vergadering` werkt als het commando `vergadering`."""

import sys

from .opdrachtregel import main

sys.exit(main())
