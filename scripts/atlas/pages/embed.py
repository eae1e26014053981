"""The code with which anyone shows a region's map on their own website, and the part of the
region's page that offers it."""

from markupsafe import Markup

from atlas import routes


class Embeds:
    def __init__(self, env, site_url: str):
        self.env = env
        self.site_url = site_url

    def code(self, region, speaker) -> str:
        """The HTML to paste, as text: the region's map document in a frame, and below it a credit
        that leads back to the region's page, both at their published addresses."""
        document, _ = routes.map_document("region", region.id)
        page = routes.directory_url(routes.record_page("region", region.id))
        name = speaker.text(region.name).value
        return self.env.get_template("_embed_code.html.j2").render(
            src=routes.published(self.site_url, routes.site_path(speaker.code, document)),
            href=routes.published(self.site_url, routes.site_path(speaker.code, page)),
            title=speaker.t("map_of", name=name),
            credit=speaker.t("embed_credit", name=name),
        ).rstrip("\n")

    def slot(self, region, speaker) -> Markup:
        """How to embed the region's map, and its code in a block that Material gives a copy button."""
        # The code is text here: the slot's template escapes it once more, to show it as it is.
        return Markup(self.env.get_template("_embed.html.j2").render(t=speaker.t, code=self.code(region, speaker)))
