package vn.gov.quangtri.motcua.web.shell;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PostAddToViewEvent;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * Every text field of every screen is checked with the one text rule ({@link Texts#forbidden}; issue 16): a
 * control character (NUL, ESC …), a direction override or U+2028 typed or pasted into a field is refused with a
 * message next to it ("Họ tên: không chứa ký tự điều khiển …"), never a server error and never stored. Text areas
 * keep TAB and line breaks. Registered in {@code faces-config.xml} for {@link PostAddToViewEvent}, like
 * {@link LengthLimits}: the validator is added to each input when the view is built.
 */
public class TextInputs implements SystemEventListener {

    /** Message key in the Faces message bundle ({0} label, {1} the character, U+XXXX). */
    static final String MESSAGE = "motcua.validator.CONTROL_CHARACTER";

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof EditableValueHolder && source instanceof UIComponent;
    }

    @Override
    public void processEvent(SystemEvent event) {
        if (!(event instanceof PostAddToViewEvent)) {
            return;
        }
        EditableValueHolder input = (EditableValueHolder) event.getSource();
        for (Validator<?> v : input.getValidators()) {
            if (v instanceof ControlCharacters) {
                return;
            }
        }
        input.addValidator(new ControlCharacters());
    }

    /** Refuses a submitted text holding a forbidden character; multi-line rule for text areas. */
    public static class ControlCharacters implements Validator<Object>, Serializable {

        private static final long serialVersionUID = 1L;

        @Override
        public void validate(FacesContext context, UIComponent component, Object value) {
            if (!(value instanceof CharSequence text)) {
                return;
            }
            String problem = Texts.controlProblem("x", text.toString(), multiLine(component));
            if (problem == null) {
                return;
            }
            String character = problem.substring(problem.indexOf("U+"), problem.indexOf(" not allowed"));
            String message = MessageFormat.format(text(context, MESSAGE), label(context, component), character);
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
        }

        static boolean multiLine(UIComponent component) {
            String renderer = component.getRendererType();
            return component.getClass().getSimpleName().contains("Textarea")
                || renderer != null && renderer.contains("Textarea");
        }

        private static String label(FacesContext context, UIComponent component) {
            Object label = component.getAttributes().get("label");
            if (label == null) {
                var expression = component.getValueExpression("label");
                label = expression == null ? null : expression.getValue(context.getELContext());
            }
            return label == null ? component.getClientId(context) : label.toString();
        }

        private static String text(FacesContext context, String key) {
            Locale locale = context.getViewRoot() == null ? Locale.getDefault() : context.getViewRoot().getLocale();
            String bundle = context.getApplication().getMessageBundle();
            try {
                return ResourceBundle.getBundle(bundle, locale, Thread.currentThread().getContextClassLoader()).getString(key);
            } catch (MissingResourceException | NullPointerException e) {
                return "{0}: no control or text-direction characters allowed ({1}).";
            }
        }
    }
}
