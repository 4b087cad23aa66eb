/**
 * The heart attack pathway: ST-elevation myocardial infarction (STEMI) to primary PCI at a heart attack centre
 * (a site offering {@code pci}); straight there or through the nearest A&E and a transfer, door-to-balloon by the
 * hour of the week with the catheter laboratory's cover, 30-day mortality by call-to-balloon time.
 */
package org.acuteflow.pathway.stemi;
