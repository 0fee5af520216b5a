package dev.charms.reactive.layers.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javassist.bytecode.AccessFlag;
import javassist.bytecode.BootstrapMethodsAttribute;
import javassist.bytecode.ClassFile;
import javassist.bytecode.CodeAttribute;
import javassist.bytecode.CodeIterator;
import javassist.bytecode.ConstPool;
import javassist.bytecode.Descriptor;
import javassist.bytecode.ExceptionTable;
import javassist.bytecode.FieldInfo;
import javassist.bytecode.MethodInfo;
import javassist.bytecode.Opcode;

/**
 * Finds what a method does with flags by interpreting its bytecode over abstract values ({@link Value}): which
 * string constants reach the flags API ({@code Flags.set/clear/toggle/isSet/...}, {@code registerTrigger} with a
 * {@code Trigger.builder()} chain, {@code Leadership.set}), through local variables, conditionals, static final
 * fields, string concatenation, {@code Endpoint.expandName}, and calls, {@value #MAX_CALL_DEPTH} deep, to methods,
 * constructors and lambdas of any class of the charm's jars (which, below). Control flow is followed (values
 * merge where paths join), so {@code flags.set(ok ? "a" : "b")} sets {@code a} or {@code b}. A name the interpreter
 * cannot reduce to constants is reported as computed, with the pattern of its known parts; nothing is guessed.
 *
 * <p>A call is followed when its target is known without running the charm: a static method, a constructor, a
 * private or {@code super} method, or an instance method of a class (the implementation that class has or inherits;
 * an override in a subclass is not seen). Calls through an interface are not followed: which implementation runs is
 * only known at run time. Nor are calls into the framework's jar (its flags are the automatic rules) or into a jar
 * whose classes never name the flags API (a JSON or YAML library). A method already on the call chain is not
 * followed again (recursion), and one analysis interprets at most {@value #MAX_FOLLOWED} distinct callees: the
 * calls past that budget are not followed.
 */
final class MethodAnalyzer {

    /** How many calls deep methods, constructors and lambdas are followed. */
    static final int MAX_CALL_DEPTH = 4;
    /** How many distinct callees (method and arguments) one analysis interprets at most. */
    static final int MAX_FOLLOWED = 256;

    private static final String FLAGS = "dev.charms.reactive.flags.Flags";
    private static final String TRIGGER = "dev.charms.reactive.flags.Trigger";
    private static final String TRIGGER_BUILDER = "dev.charms.reactive.flags.Trigger$Builder";
    private static final String LEADERSHIP = "dev.charms.reactive.leadership.Leadership";
    private static final String STRING_CONCAT = "java.lang.invoke.StringConcatFactory";
    private static final String LAMBDA_FACTORY = "java.lang.invoke.LambdaMetafactory";
    private static final String ENDPOINT_NAME = "{endpoint_name}";
    private static final int MAX_PASSES = 20;

    private final ClassFiles classes;
    private final Map<String, Map<String, Value>> staticConstants = new HashMap<>();

    MethodAnalyzer(ClassFiles classes) {
        this.classes = classes;
    }

    /** What {@code method} of {@code owner} does with flags, its callees included. */
    MethodFlow analyze(ClassFile owner, MethodInfo method) {
        Heap heap = new Heap();
        Run run = new Run(owner, method, 0, heap, null);
        heap.chain.add(key(new ClassFiles.Resolved(owner, method)));
        run.execute(initialArguments(method, List.of()));
        List<FlagUse> uses = new ArrayList<>();
        for (Use use : run.uses()) {
            for (FlagRef flag : flags(use.name())) {
                boolean single = use.name() instanceof Value.Strings strings && strings.values().size() == 1;
                uses.add(new FlagUse(use.effect(), flag, use.conditional() || !single));
            }
        }
        List<TriggerFlow> triggers = new ArrayList<>();
        for (Value trigger : run.triggers()) {
            triggers.add(heap.trigger(trigger));
        }
        return new MethodFlow(uses, triggers);
    }

    /** The flags a string value names: each constant, or one computed flag. */
    static List<FlagRef> flags(Value name) {
        if (name instanceof Value.Strings strings) {
            return strings.values().stream().map(FlagRef::named).toList();
        }
        return List.of(FlagRef.computed(name instanceof Value.Unknown unknown ? unknown.pattern() : "*"));
    }

    /**
     * Locals at entry: the receiver of an instance method, then the parameters (two slots for J and D), from
     * {@code arguments} in that order; unknown where {@code arguments} runs out.
     */
    private static Value[] initialArguments(MethodInfo method, List<Value> arguments) {
        CodeAttribute code = method.getCodeAttribute();
        Value[] locals = new Value[code == null ? 0 : code.getMaxLocals()];
        Arrays.fill(locals, Value.UNKNOWN);
        List<String> types = new ArrayList<>();
        if ((method.getAccessFlags() & AccessFlag.STATIC) == 0) {
            types.add("Ljava/lang/Object;");
        }
        types.addAll(parameterTypes(method.getDescriptor()));
        int slot = 0;
        for (int i = 0; i < types.size() && slot < locals.length; i++) {
            locals[slot] = i < arguments.size() ? arguments.get(i) : Value.UNKNOWN;
            slot += size(types.get(i));
        }
        return locals;
    }

    /**
     * What {@code method} does, as a list of flag uses and registered triggers.
     *
     * @param uses     every flag use found
     * @param triggers every trigger registered
     */
    record MethodFlow(List<FlagUse> uses, List<TriggerFlow> triggers) {
        MethodFlow {
            uses = List.copyOf(uses);
            triggers = List.copyOf(triggers);
        }
    }

    /** One use found at one instruction; {@code conditional} when it is conditional inside a callee. */
    private record Use(FlagUse.Effect effect, Value name, boolean conditional) {
    }

    /** What one followed callee did: its flag uses, the triggers it registered, and what it returned. */
    private record Followed(List<Use> uses, List<Value> triggers, Value returned) {
    }

    /**
     * The state of one analysis: the objects followed (trigger builders and string arrays, by allocation site), the
     * callees already interpreted (by method, depth and arguments: the interpreter's passes over a caller ask again),
     * and the methods on the current call chain.
     */
    private static final class Heap {
        private final Map<String, Set<Value>> arrays = new HashMap<>();
        private final Map<String, Map<String, Set<Value>>> builders = new HashMap<>();
        private final Map<List<Object>, Followed> followed = new HashMap<>();
        private final Set<String> chain = new HashSet<>();
        private int runs;

        void call(String site, String method, Value argument) {
            builders.computeIfAbsent(site, s -> new LinkedHashMap<>())
                    .computeIfAbsent(method, m -> new LinkedHashSet<>()).add(argument);
        }

        TriggerFlow trigger(Value trigger) {
            Map<String, Set<Value>> calls = trigger instanceof Value.Built built
                    ? builders.getOrDefault(built.site(), Map.of()) : Map.of();
            List<Value> when = List.copyOf(calls.getOrDefault("when", Set.of()));
            List<Value> whenNot = List.copyOf(calls.getOrDefault("whenNot", Set.of()));
            boolean onSet = !when.isEmpty() || whenNot.isEmpty();
            List<Value> flag = onSet ? when : whenNot;
            FlagRef fired = flag.size() == 1 && flags(flag.get(0)).size() == 1 ? flags(flag.get(0)).get(0)
                    : FlagRef.computed("*");
            return new TriggerFlow(fired, onSet, flagsOf(calls.get("setFlag")), flagsOf(calls.get("clearFlag")));
        }

        private static List<FlagRef> flagsOf(Set<Value> values) {
            return values == null ? List.of() : values.stream().flatMap(v -> flags(v).stream()).toList();
        }
    }

    /** One interpretation of one method with given arguments, at a call depth. */
    private final class Run {
        private final ClassFile owner;
        private final MethodInfo method;
        private final int depth;
        private final Heap heap;
        private final Map<String, Value> putStatics;
        private final String name;
        private final int id;
        private final ConstPool pool;
        private final Map<Integer, List<Use>> usesAt = new LinkedHashMap<>();
        private final Map<Integer, List<Value>> triggersAt = new LinkedHashMap<>();
        private Value returned;
        private List<Integer> pcs = List.of();
        private final Map<Integer, List<Integer>> successors = new HashMap<>();

        Run(ClassFile owner, MethodInfo method, int depth, Heap heap, Map<String, Value> putStatics) {
            this.owner = owner;
            this.method = method;
            this.depth = depth;
            this.heap = heap;
            this.putStatics = putStatics;
            this.name = owner.getName() + "." + method.getName();
            this.pool = method.getConstPool();
            this.id = heap.runs++;
        }

        /** The allocation site of an object made at {@code pc} in this run. */
        private String site(int pc) {
            return name + "@" + pc + "#" + id;
        }

        /** Interprets the method until the values at every join stop changing. */
        void execute(Value[] locals) {
            CodeAttribute code = method.getCodeAttribute();
            if (code == null) {
                return;
            }
            CodeIterator it = code.iterator();
            pcs = instructions(it);
            ExceptionTable handlers = code.getExceptionTable();
            Map<Integer, Frame> joins = new HashMap<>();
            joins.put(0, new Frame(locals, code.getMaxStack()));
            for (int pass = 0; pass < MAX_PASSES; pass++) {
                usesAt.clear();
                triggersAt.clear();
                returned = null;
                boolean changed = false;
                Frame current = null;
                for (int i = 0; i < pcs.size(); i++) {
                    int pc = pcs.get(i);
                    Frame join = joins.get(pc);
                    if (join != null) {
                        if (current != null) {
                            changed |= join.merge(current);
                        }
                        current = join.copy();
                    }
                    if (current == null) {
                        continue;
                    }
                    for (int h = 0; h < handlers.size(); h++) {
                        if (pc >= handlers.startPc(h) && pc < handlers.endPc(h)) {
                            Frame caught = current.copy();
                            caught.top = 0;
                            caught.push(Value.UNKNOWN);
                            changed |= mergeInto(joins, handlers.handlerPc(h), caught);
                        }
                    }
                    int next = i + 1 < pcs.size() ? pcs.get(i + 1) : -1;
                    step(it, pc, current);
                    List<Integer> targets = jumps(it, pc);
                    for (int target : targets) {
                        changed |= mergeInto(joins, target, current);
                    }
                    List<Integer> edges = new ArrayList<>(targets);
                    if (fallsThrough(opcode(it, pc)) && next >= 0) {
                        edges.add(next);
                    } else {
                        current = null;
                    }
                    for (int h = 0; h < handlers.size(); h++) {
                        if (pc >= handlers.startPc(h) && pc < handlers.endPc(h)) {
                            edges.add(handlers.handlerPc(h));
                        }
                    }
                    successors.put(pc, edges);
                }
                if (!changed) {
                    break;
                }
            }
        }

        List<Use> uses() {
            List<Use> all = new ArrayList<>();
            usesAt.forEach((pc, uses) -> {
                boolean conditional = conditional(pc);
                uses.forEach(u -> all.add(new Use(u.effect(), u.name(), u.conditional() || conditional)));
            });
            return all;
        }

        List<Value> triggers() {
            return triggersAt.values().stream().flatMap(List::stream).toList();
        }

        /** Whether some normal return is reachable from the entry without passing through {@code pc}. */
        private boolean conditional(int pc) {
            Deque<Integer> work = new ArrayDeque<>(List.of(0));
            Set<Integer> seen = new HashSet<>(work);
            CodeIterator it = method.getCodeAttribute().iterator();
            while (!work.isEmpty()) {
                int at = work.pop();
                if (at == pc) {
                    continue;
                }
                int op = opcode(it, at);
                if (op >= Opcode.IRETURN && op <= Opcode.RETURN) {
                    return true;
                }
                for (int next : successors.getOrDefault(at, List.of())) {
                    if (seen.add(next)) {
                        work.push(next);
                    }
                }
            }
            return false;
        }

        private boolean mergeInto(Map<Integer, Frame> joins, int target, Frame frame) {
            Frame join = joins.get(target);
            if (join == null) {
                joins.put(target, frame.copy());
                return true;
            }
            return join.merge(frame);
        }

        private void use(int pc, FlagUse.Effect effect, Value flag, boolean conditional) {
            usesAt.computeIfAbsent(pc, p -> new ArrayList<>()).add(new Use(effect, flag, conditional));
        }

        /** Executes the instruction at {@code pc} on {@code frame}. */
        private void step(CodeIterator it, int pc, Frame frame) {
            int op = opcode(it, pc);
            switch (op) {
                case Opcode.LDC, Opcode.LDC_W -> {
                    int index = op == Opcode.LDC ? it.byteAt(pc + 1) : it.u16bitAt(pc + 1);
                    frame.push(pool.getLdcValue(index) instanceof String text ? Value.of(text) : Value.UNKNOWN);
                }
                case Opcode.ALOAD, Opcode.ALOAD_0, Opcode.ALOAD_1, Opcode.ALOAD_2, Opcode.ALOAD_3 ->
                        frame.push(frame.local(local(it, pc, op, Opcode.ALOAD, Opcode.ALOAD_0)));
                case Opcode.ASTORE, Opcode.ASTORE_0, Opcode.ASTORE_1, Opcode.ASTORE_2, Opcode.ASTORE_3 ->
                        frame.store(local(it, pc, op, Opcode.ASTORE, Opcode.ASTORE_0), frame.pop());
                case Opcode.AASTORE -> {
                    Value value = frame.pop();
                    frame.pop();
                    if (frame.pop() instanceof Value.StringArray array) {
                        heap.arrays.computeIfAbsent(array.site(), s -> new LinkedHashSet<>()).add(value);
                    }
                }
                case Opcode.ANEWARRAY -> {
                    frame.pop();
                    boolean strings = pool.getClassInfo(it.u16bitAt(pc + 1)).equals("java.lang.String");
                    frame.push(strings ? new Value.StringArray(site(pc)) : Value.UNKNOWN);
                }
                case Opcode.AALOAD, Opcode.ARRAYLENGTH, Opcode.INSTANCEOF, Opcode.NEWARRAY -> {
                    frame.pop(op == Opcode.AALOAD ? 2 : 1);
                    frame.push(Value.UNKNOWN);
                }
                case Opcode.CHECKCAST, Opcode.NOP, Opcode.IINC, Opcode.GOTO, Opcode.GOTO_W, Opcode.RETURN -> {
                }
                case Opcode.ARETURN -> {
                    Value value = frame.pop();
                    returned = returned == null ? value : Value.merge(returned, value);
                }
                case Opcode.DUP -> frame.push(frame.peek(0));
                case Opcode.DUP_X1, Opcode.DUP_X2 -> frame.insertAt(frame.top - (op == Opcode.DUP_X1 ? 2 : 3),
                        frame.peek(0));
                case Opcode.DUP2 -> {
                    Value a = frame.peek(1);
                    Value b = frame.peek(0);
                    frame.push(a);
                    frame.push(b);
                }
                case Opcode.DUP2_X1, Opcode.DUP2_X2 -> {
                    Value a = frame.peek(1);
                    Value b = frame.peek(0);
                    int at = frame.top - (op == Opcode.DUP2_X1 ? 3 : 4);
                    frame.insertAt(at, a);
                    frame.insertAt(at + 1, b);
                }
                case Opcode.SWAP -> {
                    Value a = frame.pop();
                    Value b = frame.pop();
                    frame.push(a);
                    frame.push(b);
                }
                case Opcode.GETSTATIC, Opcode.PUTSTATIC, Opcode.GETFIELD, Opcode.PUTFIELD -> field(it, pc, op, frame);
                case Opcode.INVOKEVIRTUAL, Opcode.INVOKESPECIAL, Opcode.INVOKESTATIC, Opcode.INVOKEINTERFACE ->
                        invoke(it, pc, op, frame);
                case Opcode.INVOKEDYNAMIC -> invokeDynamic(it, pc, frame);
                case Opcode.MULTIANEWARRAY -> {
                    frame.pop(it.byteAt(pc + 3));
                    frame.push(Value.UNKNOWN);
                }
                case Opcode.TABLESWITCH, Opcode.LOOKUPSWITCH -> frame.pop();
                case Opcode.JSR, Opcode.JSR_W, Opcode.RET -> throw new IllegalStateException(name
                        + " uses jsr/ret, which Java compilers stopped emitting in Java 6; recompile it");
                default -> {
                    int grow = Opcode.STACK_GROW[op];
                    if (grow < 0) {
                        frame.pop(-grow);
                    }
                    for (int i = 0; i < grow; i++) {
                        frame.push(Value.UNKNOWN);
                    }
                }
            }
        }

        private void field(CodeIterator it, int pc, int op, Frame frame) {
            int index = it.u16bitAt(pc + 1);
            String type = pool.getFieldrefType(index);
            int size = size(type);
            switch (op) {
                case Opcode.GETSTATIC -> {
                    Value value = type.equals("Ljava/lang/String;")
                            ? staticConstant(pool.getFieldrefClassName(index), pool.getFieldrefName(index))
                            : Value.UNKNOWN;
                    pushSized(frame, size, value);
                }
                case Opcode.PUTSTATIC -> {
                    Value value = frame.pop(size);
                    if (putStatics != null && pool.getFieldrefClassName(index).equals(owner.getName())) {
                        putStatics.merge(pool.getFieldrefName(index), value, Value::merge);
                    }
                }
                case Opcode.GETFIELD -> {
                    frame.pop();
                    pushSized(frame, size, Value.UNKNOWN);
                }
                default -> frame.pop(size + 1);
            }
        }

        private void invoke(CodeIterator it, int pc, int op, Frame frame) {
            int index = it.u16bitAt(pc + 1);
            boolean isInterface = pool.getTag(index) == ConstPool.CONST_InterfaceMethodref;
            String className = isInterface ? pool.getInterfaceMethodrefClassName(index)
                    : pool.getMethodrefClassName(index);
            String methodName = isInterface ? pool.getInterfaceMethodrefName(index) : pool.getMethodrefName(index);
            String descriptor = isInterface ? pool.getInterfaceMethodrefType(index) : pool.getMethodrefType(index);
            List<Value> arguments = popArguments(frame, descriptor);
            Value receiver = op == Opcode.INVOKESTATIC ? null : frame.pop();
            Value result = call(pc, op, className, methodName, descriptor, receiver, arguments);
            pushResult(frame, descriptor, result);
        }

        /** The effect of one call on the flags, and its result. */
        private Value call(int pc, int op, String className, String methodName, String descriptor, Value receiver,
                List<Value> arguments) {
            switch (className) {
                case FLAGS -> {
                    flagsCall(pc, methodName, arguments);
                    return Value.UNKNOWN;
                }
                case TRIGGER -> {
                    return methodName.equals("builder") ? new Value.Builder(site(pc)) : Value.UNKNOWN;
                }
                case TRIGGER_BUILDER -> {
                    if (!(receiver instanceof Value.Builder builder)) {
                        return Value.UNKNOWN;
                    }
                    if (methodName.equals("build")) {
                        return new Value.Built(builder.site());
                    }
                    if (!arguments.isEmpty()) {
                        heap.call(builder.site(), methodName, arguments.get(0));
                    }
                    return builder;
                }
                case LEADERSHIP -> {
                    if (methodName.equals("set") && arguments.size() == 2) {
                        leadershipSet(pc, arguments.get(0));
                    }
                    return Value.UNKNOWN;
                }
                default -> {
                }
            }
            if (methodName.equals("expandName") && descriptor.equals("(Ljava/lang/String;)Ljava/lang/String;")) {
                return expandName(arguments.get(0));
            }
            if (op == Opcode.INVOKEINTERFACE) {
                return Value.UNKNOWN;
            }
            List<Value> all = new ArrayList<>();
            if (receiver != null) {
                all.add(receiver);
            }
            all.addAll(arguments);
            return follows(className, methodName, descriptor)
                    .map(callee -> follow(pc, callee, all, false)).orElse(Value.UNKNOWN);
        }

        /**
         * The method a call runs, when this run may follow it: not too deep, declared in this class or a followable
         * jar (an inherited framework method is not), not already on the call chain.
         */
        private Optional<ClassFiles.Resolved> follows(String className, String methodName, String descriptor) {
            if (depth >= MAX_CALL_DEPTH) {
                return Optional.empty();
            }
            return classes.resolve(className, methodName, descriptor)
                    .filter(callee -> callee.type() == owner || classes.followable(callee.type().getName()))
                    .filter(callee -> !heap.chain.contains(key(callee)));
        }

        private void flagsCall(int pc, String methodName, List<Value> arguments) {
            if (arguments.isEmpty()) {
                return;
            }
            Value first = arguments.get(0);
            switch (methodName) {
                case "set" -> use(pc, FlagUse.Effect.SET, first, false);
                case "clear" -> use(pc, FlagUse.Effect.CLEAR, first, false);
                case "toggle" -> {
                    use(pc, FlagUse.Effect.SET, first, true);
                    use(pc, FlagUse.Effect.CLEAR, first, true);
                }
                case "isSet", "value" -> use(pc, FlagUse.Effect.READ, first, false);
                case "allSet", "anySet", "unsetAmong" -> {
                    Set<Value> elements = first instanceof Value.StringArray array
                            ? heap.arrays.getOrDefault(array.site(), Set.of()) : Set.of(Value.UNKNOWN);
                    elements.forEach(e -> use(pc, FlagUse.Effect.READ, e, false));
                }
                case "registerTrigger" -> triggersAt.computeIfAbsent(pc, p -> new ArrayList<>()).add(first);
                default -> {
                }
            }
        }

        /** {@code Leadership.set(key, value)} sets leadership.changed and .changed.key, and sets or clears .set.key. */
        private void leadershipSet(int pc, Value key) {
            use(pc, FlagUse.Effect.SET, Value.of("leadership.changed"), true);
            use(pc, FlagUse.Effect.SET, prefixed("leadership.changed.", key), true);
            use(pc, FlagUse.Effect.SET, prefixed("leadership.set.", key), true);
            use(pc, FlagUse.Effect.CLEAR, prefixed("leadership.set.", key), true);
        }

        /**
         * Interprets {@code callee} with {@code arguments} (once per analysis: the passes over this method ask again)
         * and takes its flag uses and triggers as this call's; its result, or unknown past the budget.
         */
        private Value follow(int pc, ClassFiles.Resolved callee, List<Value> arguments, boolean alwaysConditional) {
            List<Object> memo = List.of(key(callee), depth + 1, List.copyOf(arguments));
            Followed done = heap.followed.get(memo);
            if (done == null) {
                if (heap.followed.size() >= MAX_FOLLOWED) {
                    return Value.UNKNOWN;
                }
                Run run = new Run(callee.type(), callee.method(), depth + 1, heap, null);
                heap.chain.add(key(callee));
                run.execute(initialArguments(callee.method(), arguments));
                heap.chain.remove(key(callee));
                done = new Followed(run.uses(), run.triggers(), run.returned == null ? Value.UNKNOWN : run.returned);
                heap.followed.put(memo, done);
            }
            for (Use use : done.uses()) {
                use(pc, use.effect(), use.name(), use.conditional() || alwaysConditional);
            }
            if (!done.triggers().isEmpty()) {
                triggersAt.computeIfAbsent(pc, p -> new ArrayList<>()).addAll(done.triggers());
            }
            return done.returned();
        }

        private void invokeDynamic(CodeIterator it, int pc, Frame frame) {
            int index = it.u16bitAt(pc + 1);
            String descriptor = pool.getInvokeDynamicType(index);
            List<Value> arguments = popArguments(frame, descriptor);
            BootstrapMethodsAttribute attribute =
                    (BootstrapMethodsAttribute) owner.getAttribute(BootstrapMethodsAttribute.tag);
            BootstrapMethodsAttribute.BootstrapMethod bootstrap =
                    attribute.getMethods()[pool.getInvokeDynamicBootstrap(index)];
            int factory = pool.getMethodHandleIndex(bootstrap.methodRef);
            String factoryClass = pool.getMethodrefClassName(factory);
            Value result = Value.UNKNOWN;
            if (factoryClass.equals(STRING_CONCAT) && pool.getMethodrefName(factory).equals("makeConcatWithConstants")) {
                result = concat((String) pool.getLdcValue(bootstrap.arguments[0]), bootstrap, arguments);
            } else if (factoryClass.equals(LAMBDA_FACTORY) && bootstrap.arguments.length >= 2) {
                int target = pool.getMethodHandleIndex(bootstrap.arguments[1]);
                if (pool.getTag(target) != ConstPool.CONST_InterfaceMethodref) {
                    follows(pool.getMethodrefClassName(target), pool.getMethodrefName(target),
                            pool.getMethodrefType(target)).ifPresent(body -> follow(pc, body, arguments, true));
                }
            }
            pushResult(frame, descriptor, result);
        }

        /**
         * The value of a {@code makeConcatWithConstants} call: \u0001 in the recipe is the next argument, \u0002
         * the next bootstrap constant. Constants multiply out (up to {@link Value#MAX_CONSTANTS}); any other
         * argument becomes {@code *} in a computed pattern.
         */
        private Value concat(String recipe, BootstrapMethodsAttribute.BootstrapMethod bootstrap, List<Value> args) {
            SortedSet<String> texts = new TreeSet<>(List.of(""));
            StringBuilder pattern = new StringBuilder();
            boolean known = true;
            int argument = 0;
            int constant = 1;
            for (char c : recipe.toCharArray()) {
                String piece = null;
                Value value = null;
                if (c == '\u0001') {
                    value = argument < args.size() ? args.get(argument++) : Value.UNKNOWN;
                } else if (c == '\u0002') {
                    Object constantValue = pool.getLdcValue(bootstrap.arguments[constant++]);
                    piece = String.valueOf(constantValue);
                } else {
                    piece = String.valueOf(c);
                }
                if (piece != null) {
                    texts = append(texts, List.of(piece));
                    pattern.append(piece);
                } else if (value instanceof Value.Strings strings) {
                    texts = append(texts, strings.values());
                    pattern.append(strings.values().size() == 1 ? strings.values().first() : "*");
                } else {
                    known = false;
                    pattern.append('*');
                }
            }
            if (known && texts != null) {
                return new Value.Strings(texts);
            }
            return new Value.Unknown(pattern.toString().replaceAll("\\*+", "*"));
        }

        private SortedSet<String> append(SortedSet<String> texts, java.util.Collection<String> pieces) {
            if (texts == null || texts.size() * pieces.size() > Value.MAX_CONSTANTS) {
                return null;
            }
            SortedSet<String> next = new TreeSet<>();
            for (String text : texts) {
                for (String piece : pieces) {
                    next.add(text + piece);
                }
            }
            return next;
        }

        /** The value of a static String field: its constant, or what the class initialiser stores in it. */
        private Value staticConstant(String className, String fieldName) {
            return staticConstants.computeIfAbsent(className, this::readConstants)
                    .getOrDefault(fieldName, Value.UNKNOWN);
        }

        private Map<String, Value> readConstants(String className) {
            Map<String, Value> constants = new HashMap<>();
            Optional<ClassFile> type = classes.find(className);
            if (type.isEmpty()) {
                return constants;
            }
            Map<String, Value> stored = new HashMap<>();
            MethodInfo initializer = type.get().getStaticInitializer();
            if (initializer != null) {
                new Run(type.get(), initializer, MAX_CALL_DEPTH, new Heap(), stored)
                        .execute(initialArguments(initializer, List.of()));
            }
            for (FieldInfo field : type.get().getFields()) {
                int flags = field.getAccessFlags();
                if ((flags & AccessFlag.STATIC) == 0 || (flags & AccessFlag.FINAL) == 0) {
                    continue;
                }
                int constant = field.getConstantValue();
                if (constant != 0 && field.getConstPool().getLdcValue(constant) instanceof String text) {
                    constants.put(field.getName(), Value.of(text));
                } else if (stored.containsKey(field.getName())) {
                    constants.put(field.getName(), stored.get(field.getName()));
                }
            }
            return constants;
        }
    }

    /** {@code Class.method(descriptor)} of a resolved method. */
    private static String key(ClassFiles.Resolved method) {
        return method.type().getName() + "." + method.method().getName() + method.method().getDescriptor();
    }

    private static Value expandName(Value flag) {
        if (flag instanceof Value.Strings strings) {
            return new Value.Strings(new TreeSet<>(strings.values().stream()
                    .map(s -> s.contains(ENDPOINT_NAME) ? s : "endpoint." + ENDPOINT_NAME + "." + s).toList()));
        }
        return Value.UNKNOWN;
    }

    private static Value prefixed(String prefix, Value key) {
        if (key instanceof Value.Strings strings) {
            return new Value.Strings(new TreeSet<>(strings.values().stream().map(k -> prefix + k).toList()));
        }
        return new Value.Unknown(prefix + "*");
    }

    private static List<Value> popArguments(Frame frame, String descriptor) {
        List<String> types = parameterTypes(descriptor);
        Value[] values = new Value[types.size()];
        for (int i = types.size() - 1; i >= 0; i--) {
            values[i] = frame.pop(size(types.get(i)));
        }
        return Arrays.asList(values);
    }

    private static void pushResult(Frame frame, String descriptor, Value result) {
        String returnType = descriptor.substring(descriptor.indexOf(')') + 1);
        if (!returnType.equals("V")) {
            pushSized(frame, size(returnType), result);
        }
    }

    private static void pushSized(Frame frame, int size, Value value) {
        if (size == 2) {
            frame.push(Value.UNKNOWN);
            frame.push(Value.UNKNOWN);
        } else {
            frame.push(value);
        }
    }

    /** 2 for long and double, else 1. */
    private static int size(String type) {
        return type.equals("J") || type.equals("D") ? 2 : 1;
    }

    /** The parameter type descriptors of a method descriptor, in order. */
    static List<String> parameterTypes(String descriptor) {
        List<String> types = new ArrayList<>();
        int i = 1;
        while (descriptor.charAt(i) != ')') {
            int start = i;
            while (descriptor.charAt(i) == '[') {
                i++;
            }
            i = descriptor.charAt(i) == 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
            types.add(descriptor.substring(start, i));
        }
        return types;
    }

    /** The pcs of every instruction, in order. */
    private static List<Integer> instructions(CodeIterator it) {
        List<Integer> pcs = new ArrayList<>();
        it.begin();
        try {
            while (it.hasNext()) {
                pcs.add(it.next());
            }
        } catch (javassist.bytecode.BadBytecode e) {
            throw new IllegalStateException("malformed bytecode: " + e.getMessage(), e);
        }
        return pcs;
    }

    /** The opcode at {@code pc}; for {@code wide}, the opcode it widens. */
    private static int opcode(CodeIterator it, int pc) {
        int op = it.byteAt(pc);
        return op == Opcode.WIDE ? it.byteAt(pc + 1) : op;
    }

    /** The local variable index of a load or store, short ({@code xLOAD_n}), plain or wide. */
    private static int local(CodeIterator it, int pc, int op, int plain, int shortZero) {
        if (it.byteAt(pc) == Opcode.WIDE) {
            return it.u16bitAt(pc + 2);
        }
        return op == plain ? it.byteAt(pc + 1) : op - shortZero;
    }

    private static boolean fallsThrough(int op) {
        return switch (op) {
            case Opcode.GOTO, Opcode.GOTO_W, Opcode.TABLESWITCH, Opcode.LOOKUPSWITCH, Opcode.IRETURN, Opcode.LRETURN,
                    Opcode.FRETURN, Opcode.DRETURN, Opcode.ARETURN, Opcode.RETURN, Opcode.ATHROW -> false;
            default -> true;
        };
    }

    /** The branch targets of the instruction at {@code pc}. */
    private static List<Integer> jumps(CodeIterator it, int pc) {
        int op = opcode(it, pc);
        if ((op >= Opcode.IFEQ && op <= Opcode.GOTO) || op == Opcode.IFNULL || op == Opcode.IFNONNULL) {
            return List.of(pc + it.s16bitAt(pc + 1));
        }
        if (op == Opcode.GOTO_W) {
            return List.of(pc + it.s32bitAt(pc + 1));
        }
        if (op == Opcode.TABLESWITCH || op == Opcode.LOOKUPSWITCH) {
            int p = (pc + 4) & ~3;
            List<Integer> targets = new ArrayList<>(List.of(pc + it.s32bitAt(p)));
            if (op == Opcode.TABLESWITCH) {
                int count = it.s32bitAt(p + 8) - it.s32bitAt(p + 4) + 1;
                for (int i = 0; i < count; i++) {
                    targets.add(pc + it.s32bitAt(p + 12 + 4 * i));
                }
            } else {
                int pairs = it.s32bitAt(p + 4);
                for (int i = 0; i < pairs; i++) {
                    targets.add(pc + it.s32bitAt(p + 12 + 8 * i));
                }
            }
            return targets;
        }
        return List.of();
    }

    /** Locals and operand stack at one instruction. */
    private static final class Frame {
        private final Value[] locals;
        private final Value[] stack;
        private int top;

        Frame(Value[] locals, int maxStack) {
            this.locals = locals;
            this.stack = new Value[Math.max(maxStack, 1) + 4];
        }

        Frame copy() {
            Frame copy = new Frame(locals.clone(), stack.length - 4);
            System.arraycopy(stack, 0, copy.stack, 0, top);
            copy.top = top;
            return copy;
        }

        /** Merges {@code other} into this; true when anything changed. */
        boolean merge(Frame other) {
            boolean changed = false;
            for (int i = 0; i < locals.length; i++) {
                Value merged = Value.merge(locals[i], other.locals[i]);
                changed |= !merged.equals(locals[i]);
                locals[i] = merged;
            }
            int height = Math.min(top, other.top);
            changed |= height != top;
            top = height;
            for (int i = 0; i < top; i++) {
                Value merged = Value.merge(stack[i], other.stack[i]);
                changed |= !merged.equals(stack[i]);
                stack[i] = merged;
            }
            return changed;
        }

        void push(Value value) {
            if (top < stack.length) {
                stack[top++] = value;
            }
        }

        /** Pops one slot; an empty stack (code the interpreter does not follow) gives unknown. */
        Value pop() {
            return top == 0 ? Value.UNKNOWN : stack[--top];
        }

        /** Pops {@code slots} slots and returns the value of a one-slot item (unknown for two). */
        Value pop(int slots) {
            Value value = Value.UNKNOWN;
            for (int i = 0; i < slots; i++) {
                value = pop();
            }
            return slots == 1 ? value : Value.UNKNOWN;
        }

        Value peek(int depth) {
            return top > depth ? stack[top - 1 - depth] : Value.UNKNOWN;
        }

        /** Inserts {@code value} at stack index {@code index}, moving the slots above it up (as dup_x does). */
        void insertAt(int index, Value value) {
            int at = Math.max(0, index);
            if (top >= stack.length) {
                return;
            }
            System.arraycopy(stack, at, stack, at + 1, top - at);
            stack[at] = value;
            top++;
        }

        Value local(int index) {
            return index < locals.length ? locals[index] : Value.UNKNOWN;
        }

        void store(int index, Value value) {
            if (index < locals.length) {
                locals[index] = value;
            }
        }
    }
}
