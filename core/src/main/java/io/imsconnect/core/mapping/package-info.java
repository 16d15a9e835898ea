/**
 * The mapping decision: from a user's product profiles to the security groups a login gives, or
 * the reason it is refused, with what the mask made of each profile for diagnostics.
 */
package io.imsconnect.core.mapping;
