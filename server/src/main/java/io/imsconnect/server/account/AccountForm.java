package io.imsconnect.server.account;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.util.MultiValueMap;

import io.imsconnect.server.errors.InvalidInputException;

import tools.jackson.databind.json.JsonMapper;

/**
 * The console's account form, read into the one write shape, {@link AccountRequest}: the fields are not
 * repeated here. An HTML form differs from a JSON body in three ways, handled here: an unticked checkbox sends
 * nothing, so a boolean field the form leaves out is false (and a blank number takes its default); an empty secret input keeps the stored secret and
 * the "clear" box ({@code clearImsClientSecret}) removes it; an empty scope list takes the default scopes.
 * The profile names under the mask ({@code previewProfiles}) are only for the preview and are not read here.
 */
public final class AccountForm {

    private static final List<RecordComponent> FIELDS = Arrays.asList(AccountRequest.class.getRecordComponents());

    private AccountForm() {
    }

    /** A new account's form: the defaults of {@link io.imsconnect.core.account.AccountSettingsBuilder}. */
    static AccountRequest empty() {
        return AccountRequest.of(io.imsconnect.core.account.AccountSettings.builder().build(), null, null);
    }

    /**
     * The request the form's fields make, for the account {@code internalName}.
     *
     * @param withSecrets whether the typed secrets are read: never for a page sent back to the browser
     */
    public static AccountRequest read(MultiValueMap<String, String> form, String internalName, boolean withSecrets,
            JsonMapper json) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (RecordComponent field : FIELDS) {
            String name = field.getName();
            String value = form.getFirst(name);
            if (AccountRequest.SECRETS.contains(name)) {
                body.put(name, !withSecrets ? null : form.containsKey("clear" + capitalized(name)) ? ""
                        : value == null || value.isBlank() ? null : value);
            } else if (field.getType() == Boolean.class) {
                body.put(name, "true".equals(value) || "on".equals(value));
            } else if (field.getType() == Integer.class) {
                number(name, value, withSecrets).ifPresent(number -> body.put(name, number));
            } else if (value != null && !(field.getType() == List.class && value.isBlank())) {
                body.put(name, value);
            }
        }
        body.put("internalName", internalName);
        return json.convertValue(body, AccountRequest.class);
    }

    /** Whether a secret was typed; the page does not send it back, so it has to be typed again. */
    public static boolean secretTyped(MultiValueMap<String, String> form) {
        return AccountRequest.SECRETS.stream().map(form::getFirst).anyMatch(v -> v != null && !v.isBlank());
    }

    /**
     * A whole number typed in the form; empty when left blank (the default applies). Text that is not one is
     * refused when saving ({@code refuse}), and left out of a page sent back.
     */
    private static Optional<Integer> number(String name, String value, boolean refuse) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.valueOf(value.strip()));
        } catch (NumberFormatException notANumber) {
            if (refuse) {
                throw new InvalidInputException(name, "notANumber", "is '" + value.strip() + "', not a whole number;"
                        + " type digits only, such as 120");
            }
            return Optional.empty();
        }
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
