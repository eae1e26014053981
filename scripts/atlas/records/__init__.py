"""Load and validate: record files in, a checked Atlas (or every problem) out."""
