/** Other emergencies (medical, surgical) and other ambulance incidents: nearest A&E, emergency department. */
package org.acuteflow.pathway.emergency;
