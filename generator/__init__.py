"""mmgen: generate Terraform providers, docs pages and acceptance tests from resource specs."""

__version__ = "0.1.0"
