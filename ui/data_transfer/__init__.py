"""Import wizard, export dialog and duplicate review: the data-transfer views."""
