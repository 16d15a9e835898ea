/**
 * Reconciliation of an operator's {@code MASK} memberships with the groups the mapping wants;
 * {@code MANUAL} memberships are outside its reach.
 */
package io.imsconnect.core.membership;
