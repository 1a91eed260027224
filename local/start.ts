// Placeholder until the local runtime lands (issue 3): say so plainly instead of pretending to serve.
console.error('The local runtime is not implemented yet (issue 3). See the status table in README.md.');
process.exit(1);
