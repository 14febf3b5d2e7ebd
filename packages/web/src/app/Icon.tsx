import { PktIcon } from '@oslokommune/punkt-react';
import type { IconName } from './punkt';

/** A decorative Punkt icon: hidden from assistive technology, the text beside it carries the meaning. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return <PktIcon name={name} className={`pkt-icon${className ? ` ${className}` : ''}`} aria-hidden="true" />;
}
