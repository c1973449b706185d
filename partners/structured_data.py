"""schema.org JSON-LD for organisations."""


def address_data(city, country):
    address = {"@type": "PostalAddress"}
    if city:
        address["addressLocality"] = city
    if country:
        address["addressCountry"] = str(country)
    return address


def organisation_data(org, request):
    """A schema.org Organization: name, page, website and city."""
    data = {
        "@type": "Organization",
        "name": org.name,
        "url": request.build_absolute_uri(org.get_absolute_url()),
    }
    if org.website:
        data["sameAs"] = org.website
    if org.city or org.country:
        data["address"] = address_data(org.city, org.country)
    return data
