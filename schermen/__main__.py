"""`python -m schermen` werkt als het commando `vergadering`."""

from .voorkant import start

start()
