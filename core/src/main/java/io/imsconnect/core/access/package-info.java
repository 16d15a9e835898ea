/**
 * The access decision: from an identity (organization, product contexts, product profiles) and the
 * operator's state to allowed-with-groups or refused-and-why. One decision type for every outcome, used by
 * sign-in and, through the same provisioning step, by API tokens and directory sync.
 */
package io.imsconnect.core.access;
