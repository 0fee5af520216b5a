package dev.charms.reactive.processor;

/**
 * Every diagnostic the processor prints, as {@link String#format} templates. Package-visible so tests assert
 * the exact text. Each names what is at fault and says how to fix it.
 *
 * <p>Decisions recorded here: an empty flag list ({@code @When({})}, ...) is an error, because it either always
 * holds (and, alone, would run the handler in every iteration of every hook) or never holds; a handler whose
 * only annotation is {@code @NotUnless} has no condition; {@code @OnlyOnce} and {@code @WhenFileChanged} are
 * conditions on their own; handlers are instance methods, so a static one is an error.
 */
final class Messages {

    // Handler conditions and their combinations.

    /** Args: handler. */
    static final String NO_CONDITION = "handler %s has no condition, so it would run in every iteration of"
            + " every hook (@NotUnless only logs a warning; it is not a condition): add @When, @WhenNot, @Hook,"
            + " @Action or another condition";
    /** Args: conflicting annotation, handler. */
    static final String HOOK_WITH_FLAGS = "@Hook cannot be combined with @%s on handler %s: @Hook holds only in"
            + " the hooks phase and flag conditions only in the flag loop, so the handler could never run. Split"
            + " it in two, or set a flag in the @Hook handler and wait for that flag";
    /** Args: conflicting annotation, handler. */
    static final String ACTION_WITH_CONDITION = "@Action cannot be combined with @%s on handler %s: an action"
            + " handler runs whenever its action is invoked. Check the state inside the handler instead";
    /** Args: restricted annotation, conflicting annotation, handler, restricted hook. */
    static final String RESTRICTED_WITH_CONDITION = "@%s cannot be combined with @%s on handler %s: the %s hook"
            + " runs in restricted mode, with no other hook and no flag loop, so the handler could never run";

    // Flags.

    /** Args: annotation. */
    static final String FLAG_LIST_ALWAYS = "@%s names no flag, so it always holds and adds nothing (alone, it"
            + " would run the handler in every iteration of every hook): name at least one flag";
    /** Args: annotation. */
    static final String FLAG_LIST_NEVER = "@%s names no flag, so it never holds and the handler could never"
            + " run: name at least one flag";
    /** Args: none. */
    static final String NOT_UNLESS_EMPTY = "@NotUnless names no flag: name the flags the handler expects to be"
            + " set, or remove it";
    /** Args: annotation. */
    static final String FLAG_BLANK = "empty flag name in @%s: a flag name is dot-separated words, such as"
            + " \"app.installed\"";
    /** Args: flag, annotation, reason. */
    static final String FLAG_MALFORMED = "malformed flag name \"%s\" in @%s: %s";
    /** Args: flag, annotation, class. */
    static final String ENDPOINT_NAME_OUTSIDE_ENDPOINT = "flag \"%s\" in @%s uses {endpoint_name}, which only an"
            + " endpoint class can fill, and %s does not extend dev.charms.reactive.endpoints.Endpoint: write"
            + " the relation name into the flag, or move the handler into an Endpoint subclass";

    // Reasons for FLAG_MALFORMED and HOOK_MALFORMED.

    static final String HAS_WHITESPACE = "it contains whitespace or a control character";
    static final String LEADING_DOT = "it starts with a dot";
    static final String TRAILING_DOT = "it ends with a dot";
    static final String DOUBLE_DOT = "it contains \"..\"";
    static final String UNBALANCED_BRACES = "its braces { } are unbalanced";
    static final String NESTED_BRACES = "it nests braces { { } }";
    /** Args: placeholder. */
    static final String UNKNOWN_PLACEHOLDER = "unknown placeholder {%s}: the only placeholder is {endpoint_name}";
    /** Args: braces. */
    static final String EMPTY_ALTERNATIVE = "%s has an empty alternative: write {a,b} with a name on each side"
            + " of every comma";
    /** Args: braces, role. */
    static final String UNKNOWN_ROLE = "%s names role \"%s\": the role is provides, requires or peers, as in"
            + " metadata.yaml";
    /** Args: braces. */
    static final String EMPTY_INTERFACE = "%s names no interface: write {role:interface}, such as"
            + " {requires:pgsql}";

    // Hooks.

    /** Args: none. */
    static final String HOOK_EMPTY = "@Hook names no hook pattern: name at least one, such as \"install\" or"
            + " \"{requires:pgsql}-relation-changed\"";
    /** Args: none. */
    static final String HOOK_BLANK = "empty hook pattern in @Hook: name a hook, such as \"install\"";
    /** Args: pattern, reason. */
    static final String HOOK_MALFORMED = "malformed hook pattern \"%s\" in @Hook: %s";

    // Files.

    /** Args: none. */
    static final String FILES_EMPTY = "@WhenFileChanged names no file: name at least one file path";
    /** Args: none. */
    static final String FILE_BLANK = "empty file path in @WhenFileChanged: name a file, absolute or relative to"
            + " the charm directory";
    /** Args: algorithm, known algorithms. */
    static final String HASH_UNKNOWN = "unknown hash algorithm \"%s\" in @WhenFileChanged: use one of %s";

    // Actions.

    /** Args: none. */
    static final String ACTION_BLANK = "empty action name in @Action: name the action as declared in"
            + " actions.yaml";
    /** Args: action. */
    static final String ACTION_MALFORMED = "malformed action name \"%s\" in @Action: Juju action names are"
            + " lower-case letters and hyphens, starting and ending with a letter, such as \"create-backup\"";
    /** Args: action, handler id, id of the handler that serves the action already. */
    static final String ACTION_DUPLICATE = "action \"%s\" has two @Action handlers, %s and %s: Juju runs an action"
            + " once, so one handler must serve it. Keep one @Action handler and call the other's code from it";

    // Handler methods.

    /** Args: handler. */
    static final String HANDLER_PRIVATE = "handler %s is private, so the generated index cannot call it: make it"
            + " package-private, protected or public";
    /** Args: handler. */
    static final String HANDLER_ABSTRACT = "handler %s is abstract, so there is no code to run: give it a body in"
            + " this class";
    /** Args: handler. */
    static final String HANDLER_STATIC = "handler %s is static, but handlers are instance methods, called on an"
            + " instance the runtime creates: remove static";
    /** Args: handler. */
    static final String HANDLER_GENERIC = "handler %s declares type parameters, which the runtime cannot choose:"
            + " remove them";
    /** Args: handler, class. */
    static final String HANDLER_OVERLOADED = "handler %s has the name of another handler in %s, and handler ids"
            + " are class.method: give each handler its own name";
    /** Args: parameter, handler, type. */
    static final String PARAMETER_NOT_INJECTABLE = "parameter %s of handler %s has type %s, which nothing can"
            + " inject: take a framework type such as Flags or Config (types marked @dev.charms.reactive.Injectable),"
            + " or mark your own type @Injectable and register a dev.charms.reactive.spi.ParameterResolver for it";
    /** Args: parameter, handler, type, package. */
    static final String PARAMETER_INACCESSIBLE = "parameter %s of handler %s has type %s, which the generated"
            + " index in %s cannot name: make the type public or package-private";

    // Handler classes.

    /** Args: class, kind. */
    static final String CLASS_NOT_A_CLASS = "%s is %s, but handlers must be declared in a class";
    /** Args: class. */
    static final String CLASS_PRIVATE = "handler class %s is private, so the generated index cannot use it:"
            + " make it package-private or public";
    /** Args: class. */
    static final String CLASS_ABSTRACT = "handler class %s is abstract, so the runtime cannot create it: make it"
            + " concrete";
    /** Args: class. */
    static final String CLASS_INNER = "handler class %s is an inner class, which needs an enclosing instance:"
            + " make it static";
    /** Args: class. */
    static final String CLASS_LOCAL = "handler class %s is a local or anonymous class, which the generated"
            + " index cannot name: move the handlers to a top-level or static nested class";
    /** Args: class. */
    static final String CLASS_GENERIC = "handler class %s declares type parameters, which the runtime cannot"
            + " choose: remove them";
    /** Args: class. */
    static final String CLASS_NO_CONSTRUCTOR = "handler class %s has no non-private constructor without"
            + " parameters, so the runtime cannot create it: add one";

    // The processor itself.

    /** Args: stack trace. */
    static final String INTERNAL_ERROR = "the reactive handler processor failed; please report this with the"
            + " stack trace:%n%s";
    /** Args: file, exception. */
    static final String WRITE_FAILED = "could not write %s: %s";

    private Messages() {
    }
}
