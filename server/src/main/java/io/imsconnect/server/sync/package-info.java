/**
 * The directory sync (issue 8): runs read the account's directory page by page (a wait is a reschedule, not a
 * sleeping thread), plan with {@code core}'s planner, and apply operator by operator through the one
 * provisioning step; held and dry runs keep their plan. API and console show runs and their changes.
 */
package io.imsconnect.server.sync;
