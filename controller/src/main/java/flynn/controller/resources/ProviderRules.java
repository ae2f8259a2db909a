package flynn.controller.resources;

import flynn.api.controller.Provider;
import flynn.api.http.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** What a provider's name and url must be. Pure. */
public final class ProviderRules {
  /** A DNS label: flynn-host also registers the provider in discoverd as {@code <name>-api}. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private ProviderRules() {}

  /** The provider to store: name and url checked and trimmed; a validation error otherwise. */
  public static Provider checked(Provider body) {
    return Provider.of(name(body.name()), url(body.url()));
  }

  static String name(String raw) {
    String name = raw == null ? "" : raw.strip();
    if (name.isEmpty()) {
      throw ApiException.validation("name", "provider name must not be blank");
    }
    if (!NAME.matcher(name).matches()) {
      throw ApiException.validation(
          "name",
          "provider name \""
              + name
              + "\" must be lowercase letters, digits and dashes (at most 63, no dash at either"
              + " end)");
    }
    return name;
  }

  static String url(String raw) {
    String url = raw == null ? "" : raw.strip();
    if (url.isEmpty()) {
      throw ApiException.validation("url", "provider url must not be blank");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ApiException.validation(
          "url", "provider url \"" + url + "\" is not a URL: " + e.getReason());
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw ApiException.validation(
          "url", "provider url \"" + url + "\" must be http:// or https:// with a host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw ApiException.validation(
          "url", "provider url \"" + url + "\" must not have a query or fragment");
    }
    return url;
  }
}
