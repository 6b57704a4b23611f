package org.ndisport.webconsole.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.runtime.Bindings;
import org.ndisport.api.runtime.NdisRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The WebConsole plugin at {@code /system/console/ndisport}: the page, {@code data.json} and {@code fragment.html}
 * (the page's content, fetched by its refresh script); each takes {@code ?rule=ID} to show only that rule's findings.
 */
@Component(service = Servlet.class, property = {ServletConstants.PLUGIN_LABEL + "=" + NdisportConsolePlugin.LABEL,
        ServletConstants.PLUGIN_TITLE + "=ndisport", ServletConstants.PLUGIN_CATEGORY + "=ndisport"})
public final class NdisportConsolePlugin extends AbstractServlet {
    static final String LABEL = "ndisport";
    private static final long serialVersionUID = 1L;

    private final transient NdisRuntime runtime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile transient Bindings bindings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile transient IoPortSpace ioPorts;

    @Activate
    public NdisportConsolePlugin(@Reference NdisRuntime runtime) {
        this.runtime = runtime;
    }

    /** data.json and fragment.html; anything else is left to the console, which frames {@link #renderContent}. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        boolean json = path.endsWith("/data.json");
        if (!json && !path.endsWith("/fragment.html")) {
            return;
        }
        setNoCache(response);
        response.setCharacterEncoding("UTF-8");
        ConsoleSnapshot snapshot;
        try {
            snapshot = snapshot(request.getParameter("rule"));
        } catch (ConsoleSnapshot.BadRequest e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain");
            response.getWriter().write(e.getMessage());
            return;
        }
        response.setContentType(json ? "application/json" : "text/html");
        response.getWriter().write(json ? ConsoleJson.render(snapshot) : ConsoleHtml.render(snapshot));
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object root = request.getAttribute(ServletConstants.ATTR_PLUGIN_ROOT);
        String rule = request.getParameter("rule") == null ? "" : request.getParameter("rule");
        String content;
        try {
            content = ConsoleHtml.render(snapshot(rule));
        } catch (ConsoleSnapshot.BadRequest e) {
            content = ConsolePage.error(e.getMessage());
        }
        response.getWriter().write(ConsolePage.render(root == null ? LABEL : root.toString(), rule, content));
    }

    ConsoleSnapshot snapshot(String rule) {
        return ConsoleSnapshot.of(runtime, bindings, ioPorts, rule);
    }
}
