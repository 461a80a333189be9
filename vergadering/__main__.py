"""`python -m vergadering` werkt als het commando `vergadering`."""

from .opdrachtregel import start

start()
