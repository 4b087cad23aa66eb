/** The major trauma pathway: field triage, MTC bypass rules, care level by site, secondary transfers. */
package org.acuteflow.pathway.trauma;
