/**
 * The contracts between the runtime and code plugged into it: {@link dev.charms.reactive.spi.HandlerIndex}
 * (generated per handler class, found with {@link java.util.ServiceLoader}) and its handler definitions,
 * {@link dev.charms.reactive.spi.ParameterResolver} for injected parameters, and
 * {@link dev.charms.reactive.spi.HookExtension} for subsystems that run around each dispatch.
 * Nothing here is null unless documented.
 */
package dev.charms.reactive.spi;
