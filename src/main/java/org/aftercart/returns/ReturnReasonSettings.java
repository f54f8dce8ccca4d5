package org.aftercart.returns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.aftercart.platform.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's return reasons as an admin keeps them: a two-level tree (a reason, or a group
 * and its reasons), each labelled in every supported language, ordered, and deactivated rather
 * than deleted, since past returns refer to them. Customers see a change with their next page.
 */
@Service
public class ReturnReasonSettings {

    /** Lower-case words joined by hyphens, as the built-in codes are (e.g. {@code too-small}). */
    static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    static final int MAX_CODE_LENGTH = 40;
    static final int MAX_LABEL_LENGTH = 80;

    /** A reason and how many returns gave it. */
    public record Entry(ReturnReason reason, long returns) {}

    /**
     * What an admin says of a reason.
     *
     * @param labels by language code; every supported language for a new reason, while a built-in
     *     reason may leave one blank to keep the bundled label
     */
    public record ReasonDetails(
            Map<String, String> labels, boolean requiresPhoto, boolean requiresComment, boolean requiresInspection) {}

    private final ReturnReasons reasons;
    private final MessageSource messages;

    ReturnReasonSettings(ReturnReasons reasons, MessageSource messages) {
        this.reasons = reasons;
        this.messages = messages;
    }

    /** Every reason, inactive ones included, parents before their children, with its use. */
    public List<Entry> list() {
        Map<String, Long> usage = reasons.usage();
        return reasons.everything().stream()
                .map(reason -> new Entry(reason, usage.getOrDefault(reason.code(), 0L)))
                .toList();
    }

    /** @throws ReturnReasonNotFound when no reason has this code */
    public ReturnReason find(String code) {
        return reasons.find(code).orElseThrow(() -> unknown(code));
    }

    /** Whether the messages bundles label this reason (the built-in reasons). */
    public boolean bundled(String code) {
        return messages.getMessage("returns.reason." + code, null, null, Locale.ENGLISH) != null;
    }

    /** The bundles' label of a built-in reason in each supported language; empty for a merchant's reason. */
    public Map<String, String> bundledLabels(String code) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Locale language : Languages.SUPPORTED) {
            String label = messages.getMessage("returns.reason." + code, null, null, language);
            if (label != null) {
                labels.put(language.getLanguage(), label);
            }
        }
        return labels;
    }

    /** Adds an active reason, last among its siblings. */
    @Transactional
    public ReturnReason add(String code, @Nullable String parentCode, ReasonDetails details) {
        reasons.lock();
        String trimmed = code.strip();
        String parent = parentCode == null || parentCode.isBlank() ? null : parentCode.strip();
        List<InvalidReturnReason.Problem> problems = new ArrayList<>();
        if (!CODE.matcher(trimmed).matches() || trimmed.length() > MAX_CODE_LENGTH) {
            problems.add(new InvalidReturnReason.Problem(
                    "code",
                    "format",
                    "A code is 1 to " + MAX_CODE_LENGTH + " lower-case letters and digits, words joined by hyphens"));
        } else if (reasons.find(trimmed).isPresent()) {
            problems.add(new InvalidReturnReason.Problem("code", "taken", "The code " + trimmed + " is taken"));
        }
        if (parent != null) {
            ReturnReason group = reasons.find(parent).orElse(null);
            if (group == null) {
                problems.add(
                        new InvalidReturnReason.Problem("parentCode", "unknown", "No reason has the code " + parent));
            } else if (group.parentCode() != null) {
                problems.add(new InvalidReturnReason.Problem(
                        "parentCode", "too-deep", parent + " is itself under " + group.parentCode()));
            }
        }
        Map<String, String> labels = labels(details.labels(), false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidReturnReason(problems);
        }
        ReturnReason reason = new ReturnReason(
                trimmed,
                parent,
                reasons.nextPosition(parent),
                details.requiresPhoto(),
                details.requiresComment(),
                details.requiresInspection(),
                true,
                labels);
        reasons.insert(reason);
        return reason;
    }

    /** Changes a reason's labels and what it requires; its code and place stay. */
    @Transactional
    public ReturnReason edit(String code, ReasonDetails details) {
        reasons.lock();
        ReturnReason reason = find(code);
        List<InvalidReturnReason.Problem> problems = new ArrayList<>();
        Map<String, String> labels = labels(details.labels(), bundled(code), problems);
        if (!problems.isEmpty()) {
            throw new InvalidReturnReason(problems);
        }
        reasons.update(code, details.requiresPhoto(), details.requiresComment(), details.requiresInspection());
        reasons.writeLabels(code, labels);
        return find(reason.code());
    }

    /**
     * Moves a reason one place up or down among its siblings (the groups, or the reasons of one
     * group); nothing happens at either end.
     */
    @Transactional
    public void move(String code, boolean up) {
        reasons.lock();
        ReturnReason reason = find(code);
        List<ReturnReason> siblings = new ArrayList<>(reasons.everything().stream()
                .filter(other -> Objects.equals(other.parentCode(), reason.parentCode()))
                .toList());
        int at = -1;
        for (int i = 0; i < siblings.size(); i++) {
            if (siblings.get(i).code().equals(code)) {
                at = i;
            }
        }
        int to = up ? at - 1 : at + 1;
        if (at < 0 || to < 0 || to >= siblings.size()) {
            return;
        }
        siblings.set(at, siblings.get(to));
        siblings.set(to, reason);
        for (int i = 0; i < siblings.size(); i++) {
            reasons.setPosition(siblings.get(i).code(), (i + 1) * 10);
        }
    }

    /**
     * Offers a reason to customers again, or no longer (a group's reasons go with it). Returns that
     * gave it keep it.
     */
    @Transactional
    public ReturnReason setActive(String code, boolean active) {
        reasons.lock();
        find(code);
        reasons.setActive(code, active);
        return find(code);
    }

    private static Map<String, String> labels(
            Map<String, String> given, boolean bundled, List<InvalidReturnReason.Problem> problems) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Locale language : Languages.SUPPORTED) {
            String code = language.getLanguage();
            String label = given.getOrDefault(code, "").strip();
            if (label.isEmpty()) {
                if (!bundled) {
                    problems.add(new InvalidReturnReason.Problem(
                            "label-" + code,
                            "required",
                            "The label in " + language.getDisplayLanguage(Locale.ENGLISH) + " is required"));
                }
            } else if (label.length() > MAX_LABEL_LENGTH) {
                problems.add(new InvalidReturnReason.Problem(
                        "label-" + code, "too-long", "A label is at most " + MAX_LABEL_LENGTH + " characters"));
            } else {
                labels.put(code, label);
            }
        }
        return labels;
    }

    private static ReturnReasonNotFound unknown(String code) {
        return new ReturnReasonNotFound(code);
    }
}
