/** Small general processes that prove the process pipe: ellipsoidal area and metric buffer. */
package org.gengdi.process.basic;
