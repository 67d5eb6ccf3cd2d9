import { useCallback, useEffect, useState } from 'react';
import type { PanelViewProps } from '../shell/view-props';
import { DevicesPanel } from '../components/DevicesPanel';
import { AuditLog } from './AuditLog';
import { useDevices } from './useDevices';
import './audit.css';

/** Paired devices and the audit log: the host's view of who can run the show, and who did what. */
export function DevicesView({ me }: PanelViewProps) {
  // The shell shows this screen to the host only; a co-host who lands here anyway asks for nothing.
  if (me.role !== 'host') {
    return <p className="card muted devices-view">Devices and the audit log are for the host.</p>;
  }
  return <HostDevices myDeviceId={me.deviceId} />;
}

/** "Last seen" is only worth reading if it is fresh: the list is re-read while the screen is open. */
const DEVICES_REFRESH_MS = 30_000;

function HostDevices({ myDeviceId }: { myDeviceId: number | null }) {
  const devices = useDevices();
  const { reload } = devices;
  useEffect(() => {
    const timer = window.setInterval(() => void reload(), DEVICES_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const [auditVersion, setAuditVersion] = useState(0);
  const auditHasNews = useCallback(() => setAuditVersion((v) => v + 1), []);
  return (
    <div className="devices-view">
      <DevicesPanel data={devices} myDeviceId={myDeviceId} onChanged={auditHasNews} />
      <AuditLog devices={devices.devices} version={auditVersion} />
    </div>
  );
}
