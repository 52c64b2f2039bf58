package vn.gov.quangtri.motcua.web.shell;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * An expired view (the session ended, or the server restarted, while a page was open): the user is sent to the
 * sign-in page with "session expired" and the page to come back to, by a redirect (a partial-response redirect for
 * an Ajax request). Handled here rather than by a {@code web.xml} error page for the exception type, because
 * PrimeFaces prints every such mapping, class name included, into each page's settings (issue 16, fresh-user
 * trial). Registered in {@code faces-config.xml}.
 */
public class ViewExpiry extends ExceptionHandlerFactory {

    /** @param wrapped the factory this one decorates (Faces passes it) */
    public ViewExpiry(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    /** Takes an expired view out of the queue and redirects; leaves every other failure to the wrapped handler. */
    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable t = events.next().getContext().getException();
                while (!(t instanceof ViewExpiredException) && t != null && t.getCause() != null && t.getCause() != t) {
                    t = t.getCause();
                }
                if (t instanceof ViewExpiredException) {
                    events.remove();
                    FacesContext faces = FacesContext.getCurrentInstance();
                    if (!faces.getResponseComplete()) {
                        redirect(faces);
                    }
                }
            }
            getWrapped().handle();
        }

        private static void redirect(FacesContext faces) {
            ExternalContext ec = faces.getExternalContext();
            String page = ec.getRequestServletPath();
            String target = ec.getRequestContextPath() + "/login.xhtml?expired=true"
                + (page != null && page.startsWith("/app/") ? "&continue=" + URLEncoder.encode(page, StandardCharsets.UTF_8)
                    : "");
            try {
                ec.redirect(target);
            } catch (IOException e) {
                throw new FacesException("Could not redirect to the sign-in page", e);
            }
            faces.responseComplete();
        }
    }
}
