package org.ndisport.webconsole.internal;

/**
 * The console page: the rule filter, the content (rendered now) and the script that replaces the content with
 * {@code fragment.html} every second. No external resources.
 */
final class ConsolePage {
    /** The live-refresh period. */
    static final int REFRESH_MILLIS = 1000;

    private ConsolePage() {
    }

    /**
     * @param pluginRoot the plugin's absolute path, e.g. {@code /system/console/ndisport}
     * @param rule the rule filter as typed (shown again in the form)
     * @param content the content: {@link ConsoleHtml#render}, or an error paragraph
     */
    static String render(String pluginRoot, String rule, String content) {
        String root = Html.escape(pluginRoot);
        return "<style>" + STYLE + "</style>"
                + "<div id=\"ndisport-console\" data-fragment=\"" + root + "/fragment.html\" data-refreshes=\"0\">"
                + "<form id=\"ndisport-filter\" method=\"get\" action=\"" + root + "\">"
                + "<label for=\"ndisport-rule\">Findings of rule </label>"
                + "<input id=\"ndisport-rule\" name=\"rule\" size=\"8\" placeholder=\"e.g. R46\" value=\""
                + Html.escape(rule) + "\"> <button type=\"submit\">Filter</button> "
                + "<span id=\"ndisport-status\" role=\"status\"></span></form>"
                + "<div id=\"ndisport-content\">" + content + "</div></div>"
                + "<script>" + SCRIPT + "</script>";
    }

    /** Error text for the page body when the request was refused. */
    static String error(String message) {
        return "<p class=\"ndisport-error\">" + Html.escape(message) + "</p>";
    }

    private static final String STYLE = "#ndisport-console h2{font-size:1.2em;margin:1em 0 .3em}"
            + "#ndisport-console h3{font-size:1em;margin:.8em 0 .3em}"
            + "#ndisport-console .ndisport-error,#ndisport-status{color:#a00}"
            + "#ndisport-console .ndisport-diagram-box{margin:.3em 0}";

    private static final String SCRIPT = """
            (function () {
              var root = document.getElementById('ndisport-console');
              var rule = document.getElementById('ndisport-rule');
              var status = document.getElementById('ndisport-status');
              var content = document.getElementById('ndisport-content');
              var refreshes = 0;
              function refresh() {
                // from the origin: a page opened with user:password@ in its URL cannot fetch a relative URL
                var url = location.origin + root.getAttribute('data-fragment') + '?rule=' + encodeURIComponent(rule.value);
                fetch(url, {credentials: 'same-origin', cache: 'no-store'}).then(function (r) {
                  return r.text().then(function (text) {
                    if (r.ok) {
                      content.innerHTML = text;
                      refreshes++;
                      root.setAttribute('data-refreshes', String(refreshes));
                      status.textContent = '';
                    } else {
                      status.textContent = text;
                    }
                  });
                }).catch(function (e) {
                  status.textContent = 'refresh failed: ' + e;
                });
              }
              document.getElementById('ndisport-filter').addEventListener('submit', function (e) {
                e.preventDefault();
                refresh();
              });
              setInterval(refresh, %d);
            })();
            """.formatted(REFRESH_MILLIS);
}
