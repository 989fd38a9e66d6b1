"""DynamoDB access: PynamoDB models and the repository. The only code that talks to DynamoDB."""
