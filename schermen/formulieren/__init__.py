"""De formulieren en dialogen, één module per onderwerp naast de gedeelde basis."""
