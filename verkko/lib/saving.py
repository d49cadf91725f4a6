"""The one way actions write validated values onto a model instance."""


def save_values(instance, data):
    """Set the instance's own columns from validated data (a form's cleaned_data, or the API's), save it,
    then set its many-to-many choices. Names that are no column of the model are left aside."""
    columns = {field.name for field in instance._meta.concrete_fields}
    for name, value in data.items():
        if name in columns:
            setattr(instance, name, value)
    instance.save()
    for field in instance._meta.local_many_to_many:
        if field.name in data:
            getattr(instance, field.name).set(data[field.name])
    return instance
