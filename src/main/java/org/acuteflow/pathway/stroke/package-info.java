/** The suspected-stroke pathway: case mix, routing rules, scan and reperfusion, HASU and stroke-unit beds. */
package org.acuteflow.pathway.stroke;
