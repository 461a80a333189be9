"""`python -m vergadering`: de opdrachten zonder scherm (lijsten, signaal, export, …).

De app zelf opent het commando `vergadering` (of `python -m schermen`): deze laag kent geen
schermen.
"""

import sys

from .opdrachtregel import main

sys.exit(main())
