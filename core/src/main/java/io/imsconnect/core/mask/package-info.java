/**
 * The association mask: a regular expression, run on RE2/J, whose capture group 1 turns a
 * product-profile name into a security group internal name.
 */
package io.imsconnect.core.mask;
