/**
 * The directory sync's plan: the organization's users as the Admin Console API lists them, matched to the
 * account's operators, each decided by the one access decision, diffed against the operator's MASK memberships,
 * and held when it would take access from too many at once. Pure; the server reads the directory and applies.
 */
package io.imsconnect.core.sync;
