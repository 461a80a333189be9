"""De Textual-schermen van Vergadering."""
