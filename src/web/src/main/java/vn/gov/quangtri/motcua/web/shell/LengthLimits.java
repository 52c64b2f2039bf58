package vn.gov.quangtri.motcua.web.shell;

import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.event.PostAddToViewEvent;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import jakarta.faces.validator.LengthValidator;
import jakarta.faces.validator.Validator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Over-long input is refused with a message, never cut: an HTML {@code maxlength} makes the browser drop
 * every character past the limit without a word (issue 9 item 13). For every input of every screen that
 * declares {@code maxlength="N"}, this listener (registered in {@code faces-config.xml} for
 * {@link PostAddToViewEvent}) removes the attribute from the rendered field and validates the length on
 * the server instead ({@link LengthValidator}, message {@code jakarta.faces.validator.LengthValidator.MAXIMUM}:
 * "&lt;label&gt;: tối đa N ký tự"). Without it PrimeFaces would also cut the submitted text to N on the
 * server. The limits stay where they are declared, next to the field, equal to the column and domain limits.
 */
public class LengthLimits implements SystemEventListener {

    /**
     * The "unset" {@code maxlength} of each input class: the value of a new instance (Faces and p:inputText use
     * {@code Integer.MIN_VALUE}, p:inputTextarea and p:autoComplete {@code Integer.MAX_VALUE}; any other value
     * would make PrimeFaces' decoding cut or drop the submitted text).
     */
    private static final Map<Class<?>, Object> UNSET = new ConcurrentHashMap<>();

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof EditableValueHolder && source instanceof UIComponent;
    }

    @Override
    public void processEvent(SystemEvent event) {
        if (!(event instanceof PostAddToViewEvent)) {
            return;
        }
        UIComponent component = (UIComponent) event.getSource();
        Object declared = component.getAttributes().get("maxlength");
        Object unset = UNSET.computeIfAbsent(component.getClass(), LengthLimits::unset);
        if (!(declared instanceof Integer max) || max <= 0 || declared.equals(unset)) {
            return;
        }
        EditableValueHolder input = (EditableValueHolder) component;
        boolean validated = false;
        for (Validator<?> v : input.getValidators()) {
            validated |= v instanceof LengthValidator;
        }
        if (!validated) {
            LengthValidator length = new LengthValidator();
            length.setMaximum(max);
            input.addValidator(length);
        }
        component.getAttributes().put("maxlength", unset);
    }

    private static Object unset(Class<?> type) {
        try {
            return ((UIComponent) type.getDeclaredConstructor().newInstance()).getAttributes().get("maxlength");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No default maxlength for " + type, e);
        }
    }
}
