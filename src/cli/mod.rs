//! The command-line checker.
