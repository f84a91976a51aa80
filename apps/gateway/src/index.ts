// Placeholder: this package is built by its own issue; see the README for what is coming.
export {};
