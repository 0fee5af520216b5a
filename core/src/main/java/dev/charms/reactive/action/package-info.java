/**
 * Juju actions: the injectable {@link dev.charms.reactive.action.ActionContext} an {@code @Action} handler works
 * with, and the parameter schemas of {@code actions.yaml} it is checked against. Nothing here is null unless documented.
 */
package dev.charms.reactive.action;
