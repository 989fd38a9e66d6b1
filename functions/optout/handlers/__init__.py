"""One module a Lambda function: routing and HTTP <-> domain, nothing else."""
