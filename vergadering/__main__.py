"""`python -m vergadering`: de opdrachten zonder scherm (lijsten, signaal, export, …).

De app zelf opent het commando `vergadering` (of `python -m schermen`): deze laag kent geen
schermen.
"""

from .opdrachtregel import start

start()
