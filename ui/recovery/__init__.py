"""Recovery: what the app offers when a store cannot be used, snapshots, record history."""
