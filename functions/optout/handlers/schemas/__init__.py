"""Request and response models of the HTTP API (they also generate the OpenAPI document),
one module per resource: a handler imports the module it uses, so a function loads only its
own models. `base` holds what every model and route shares."""
