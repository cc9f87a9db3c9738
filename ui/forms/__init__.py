"""Record forms generated from field definitions and the role's rules."""
